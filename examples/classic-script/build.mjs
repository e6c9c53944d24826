// No bundler: the page and the package's classic-script build (Lit included) copied side by side,
// with the locale catalogs of the module build it loads for a page in another language.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';

const from = 'node_modules/otp-auth-elements/dist/';
mkdirSync('dist', { recursive: true });
copyFileSync('index.html', 'dist/index.html');
for (const file of readdirSync(from)) {
  if (/^otp-auth-elements\..*min\.js$/.test(file)) copyFileSync(from + file, `dist/${file}`);
}
