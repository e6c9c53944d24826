// Hanko Elements as its README registers them: register(apiUrl), then <hanko-auth> in the page.
import { register } from '@teamhanko/hanko-elements';

register(`${location.origin}/hanko-api`).catch(() => {});
