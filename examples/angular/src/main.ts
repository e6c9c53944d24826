import { bootstrapApplication } from '@angular/platform-browser';
import 'otp-auth-elements';
import { App } from './app/app';

bootstrapApplication(App).catch((error: unknown) => console.error(error));
