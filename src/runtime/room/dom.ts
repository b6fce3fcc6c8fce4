// A small helper to build the room's elements without HTML strings (no author text is ever parsed,
// except the notes, which the build sanitized).

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function button(label: string, className: string, onPress: () => void): HTMLButtonElement {
  const node = element('button', { type: 'button', class: className }, label);
  node.addEventListener('click', onPress);
  return node;
}
