// No bundler: the page next to the package's script-tag file (Lit included) and the parts it loads
// when they are needed (the code step, the SMS step-up, the phone step, the discovery views, the
// locales).
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';

const from = 'node_modules/otp-auth-elements/dist/';
mkdirSync('dist', { recursive: true });
copyFileSync('index.html', 'dist/index.html');
for (const file of readdirSync(from)) {
  if (/^otp-auth-elements\.(?!iife\.).*min\.js$/.test(file))
    copyFileSync(from + file, `dist/${file}`);
}
