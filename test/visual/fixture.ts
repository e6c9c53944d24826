// The page the screenshots are taken of: ?state=<name> mounts that state (see states.ts), then
// marks the body ready (or failed, with the reason) once the state and the fonts are in place.
import { mountState, stateNames, type StateName } from './states.js';

declare global {
  interface Window {
    stateNames: typeof stateNames;
  }
}

/** One bundled font (Inter, latin) so the screenshots do not depend on the machine's fonts. */
const fonts = [400, 500, 600, 700].map((weight) =>
  new FontFace('Inter', `url(/fonts/inter-latin-${weight}-normal.woff2)`, {
    weight: String(weight),
  }).load(),
);

window.stateNames = stateNames;
const name = new URL(location.href).searchParams.get('state');
if (name) {
  Promise.all(fonts)
    .then((faces) => faces.forEach((face) => document.fonts.add(face)))
    .then(() => mountState(name as StateName, document.querySelector('main')!))
    .then(() => document.fonts.ready)
    .then(
      () => (document.body.dataset.ready = 'true'),
      (error: unknown) => (document.body.dataset.failed = String(error)),
    );
}
