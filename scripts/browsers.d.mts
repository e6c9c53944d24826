export interface BrowserPaths {
  chromium?: string;
  firefox?: string;
  webkitDriver?: string;
  webkitBrowser?: string;
  xvfbRun?: string;
}
export function findBrowsers(): BrowserPaths;
export const CHROMIUM_FLAGS: readonly string[];
