import { defineConfig } from 'wxt';

// One config for both browsers. Firefox is built as MV3 (`wxt build -b firefox --mv3`).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Evidence Lens',
    description:
      'Highlights medical terms on the pages you read and shows evidence summaries with PubMed citations, offline.',
    // scripting: a site the reader allows after its page loaded (or a click under Chrome's "on click" site access)
    // is read at once (lib/tabs/site-access.ts).
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'activeTab', 'tabs', 'contextMenus', 'scripting'],
    // Chrome: the content script's sites, named again for the scripting API (a declared content script's matches do
    // not let it script a page); its install prompt says the same as for the content script alone. Firefox counts
    // the matches as host permissions already, and would list "all websites" twice.
    ...(browser === 'firefox' ? {} : { host_permissions: ['http://*/*', 'https://*/*'] }),
    commands: {
      // Opens the popup (search, the page's terms) without the mouse.
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+E' },
      },
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Turn highlighting on or off in this tab',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'evidence-lens@example.org',
              // The CSS Custom Highlight API arrived in Firefox 140.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    // Preact's automatic JSX runtime, without a Babel-based plugin.
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
