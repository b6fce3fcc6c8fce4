// axe-core's accessibility rules (WCAG 2.x A and AA) on every page of the print view: serious and
// critical violations are errors, the rest warnings. axe-core is loaded into the page beforehand.

import type { PageProblem } from './slide.js';

interface AxeResults {
  violations: { id: string; impact?: string; help: string; nodes: { target: string[] }[] }[];
}

declare global {
  interface Window {
    axe?: { run(context: unknown, options: unknown): Promise<AxeResults> };
  }
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Lines of code dimmed on purpose around the highlighted ones (reveal.js's line-highlight steps):
 * their low contrast is the point, and the step that lights them is checked when it shows.
 */
const DIMMED_ON_PURPOSE = '.hljs.has-highlights tr:not(.highlight-line)';

export async function accessibility(): Promise<PageProblem[]> {
  if (!window.axe) throw new Error('axe-core is not loaded into the page');
  const results = await window.axe.run(
    { include: [document], exclude: [[DIMMED_ON_PURPOSE]] },
    {
      runOnly: { type: 'tag', values: WCAG_TAGS },
      resultTypes: ['violations'],
    },
  );
  const pages = [...document.querySelectorAll('.pdf-page')];
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const selector = node.target[node.target.length - 1] ?? '';
      // In a frame, the target is a path: the frame in this page first, then the element in it.
      const inPage = node.target[0] ?? '';
      const element = inPage ? document.querySelector(inPage) : null;
      const page = element?.closest('.pdf-page');
      const where = page ? `slide ${pages.indexOf(page) + 1}: ` : '';
      const serious = violation.impact === 'serious' || violation.impact === 'critical';
      return {
        severity: serious ? 'error' : 'warning',
        rule: `axe/${violation.id}`,
        message: `${where}${violation.help} (axe ${violation.id}, ${violation.impact ?? 'minor'}) at ${selector}`,
        line: Number(element?.closest('[data-line]')?.getAttribute('data-line') ?? 0),
      } satisfies PageProblem;
    }),
  );
}
