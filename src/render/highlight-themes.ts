// The stylesheets highlight.js ships (styles/*.css and styles/base16/*.css), by the name
// reveal-md's `highlightTheme` takes. A plain list, so that rendering stays free of file access;
// tests/render/highlight-themes.test.ts keeps it equal to the installed package.

// biome-ignore format: a long list of names, filled to the line width
const TOP_LEVEL = [
  '1c-light', 'a11y-dark', 'a11y-light', 'agate', 'an-old-hope', 'androidstudio', 'arduino-light', 'arta', 'ascetic',
  'atom-one-dark', 'atom-one-dark-reasonable', 'atom-one-light', 'brown-paper', 'codepen-embed', 'color-brewer',
  'cybertopia-cherry', 'cybertopia-dimmer', 'cybertopia-icecap', 'cybertopia-saturated', 'dark', 'default',
  'devibeans', 'docco', 'equinox', 'far', 'felipec', 'foundation', 'github', 'github-dark', 'github-dark-dimmed',
  'gml', 'googlecode', 'gradient-dark', 'gradient-light', 'grayscale', 'hybrid', 'idea', 'intellij-light',
  'ir-black', 'isbl-editor-dark', 'isbl-editor-light', 'kimbie-dark', 'kimbie-light', 'lightfair', 'lioshi',
  'magula', 'mono-blue', 'monokai', 'monokai-sublime', 'night-owl', 'nnfx-dark', 'nnfx-light', 'nord', 'obsidian',
  'panda-syntax-dark', 'panda-syntax-light', 'paraiso-dark', 'paraiso-light', 'pojoaque', 'purebasic',
  'qtcreator-dark', 'qtcreator-light', 'rainbow', 'rose-pine', 'rose-pine-dawn', 'rose-pine-moon', 'routeros',
  'school-book', 'shades-of-purple', 'srcery', 'stackoverflow-dark', 'stackoverflow-light', 'sunburst',
  'tokyo-night-dark', 'tokyo-night-light', 'tomorrow-night-blue', 'tomorrow-night-bright', 'vs', 'vs-dark', 'vs2015',
  'xcode', 'xt256',
];

// biome-ignore format: a long list of names, filled to the line width
const BASE16 = [
  '3024', 'apathy', 'apprentice', 'ashes', 'atelier-cave', 'atelier-cave-light', 'atelier-dune',
  'atelier-dune-light', 'atelier-estuary', 'atelier-estuary-light', 'atelier-forest', 'atelier-forest-light',
  'atelier-heath', 'atelier-heath-light', 'atelier-lakeside', 'atelier-lakeside-light', 'atelier-plateau',
  'atelier-plateau-light', 'atelier-savanna', 'atelier-savanna-light', 'atelier-seaside', 'atelier-seaside-light',
  'atelier-sulphurpool', 'atelier-sulphurpool-light', 'atlas', 'bespin', 'black-metal', 'black-metal-bathory',
  'black-metal-burzum', 'black-metal-dark-funeral', 'black-metal-gorgoroth', 'black-metal-immortal',
  'black-metal-khold', 'black-metal-marduk', 'black-metal-mayhem', 'black-metal-nile', 'black-metal-venom', 'brewer',
  'bright', 'brogrammer', 'brush-trees', 'brush-trees-dark', 'chalk', 'circus', 'classic-dark', 'classic-light',
  'codeschool', 'colors', 'cupcake', 'cupertino', 'danqing', 'darcula', 'dark-violet', 'darkmoss', 'darktooth',
  'decaf', 'default-dark', 'default-light', 'dirtysea', 'dracula', 'edge-dark', 'edge-light', 'eighties', 'embers',
  'equilibrium-dark', 'equilibrium-gray-dark', 'equilibrium-gray-light', 'equilibrium-light', 'espresso', 'eva',
  'eva-dim', 'flat', 'framer', 'fruit-soda', 'gigavolt', 'github', 'google-dark', 'google-light', 'grayscale-dark',
  'grayscale-light', 'green-screen', 'gruvbox-dark-hard', 'gruvbox-dark-medium', 'gruvbox-dark-pale',
  'gruvbox-dark-soft', 'gruvbox-light-hard', 'gruvbox-light-medium', 'gruvbox-light-soft', 'hardcore',
  'harmonic16-dark', 'harmonic16-light', 'heetch-dark', 'heetch-light', 'helios', 'hopscotch', 'horizon-dark',
  'horizon-light', 'humanoid-dark', 'humanoid-light', 'ia-dark', 'ia-light', 'icy-dark', 'ir-black', 'isotope',
  'kimber', 'london-tube', 'macintosh', 'marrakesh', 'materia', 'material', 'material-darker', 'material-lighter',
  'material-palenight', 'material-vivid', 'mellow-purple', 'mexico-light', 'mocha', 'monokai', 'nebula', 'nord',
  'nova', 'ocean', 'oceanicnext', 'one-light', 'onedark', 'outrun-dark', 'papercolor-dark', 'papercolor-light',
  'paraiso', 'pasque', 'phd', 'pico', 'pop', 'porple', 'qualia', 'railscasts', 'rebecca', 'ros-pine',
  'ros-pine-dawn', 'ros-pine-moon', 'sagelight', 'sandcastle', 'seti-ui', 'shapeshifter', 'silk-dark', 'silk-light',
  'snazzy', 'solar-flare', 'solar-flare-light', 'solarized-dark', 'solarized-light', 'spacemacs', 'summercamp',
  'summerfruit-dark', 'summerfruit-light', 'synth-midnight-terminal-dark', 'synth-midnight-terminal-light', 'tango',
  'tender', 'tomorrow', 'tomorrow-night', 'twilight', 'unikitty-dark', 'unikitty-light', 'vulcan', 'windows-10',
  'windows-10-light', 'windows-95', 'windows-95-light', 'windows-high-contrast', 'windows-high-contrast-light',
  'windows-nt', 'windows-nt-light', 'woodland', 'xcode-dusk', 'zenburn',
];

export const HIGHLIGHT_THEMES: readonly string[] = [...TOP_LEVEL, ...BASE16.map((name) => `base16/${name}`)];
