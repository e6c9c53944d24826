// The line after each MISUSE comment must fail to compile (test/built/framework-types.test.ts);
// nothing else may.
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import { OTP_AUTH_DIRECTIVES } from 'otp-auth-elements/angular';

@Component({
  selector: 'app-misuse',
  imports: [OTP_AUTH_DIRECTIVES],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <!-- MISUSE: mfa is 'inline' | 'event' -->
    <otp-email-auth [mfa]="42"></otp-email-auth>
    <!-- MISUSE: sessionDurationMinutes is a number -->
    <otp-sms-stepup [sessionDurationMinutes]="'sixty'"></otp-sms-stepup>
    <!-- MISUSE: no such detail field -->
    <otp-email-auth (otp-code-sent)="($event.detail.nope)"></otp-email-auth>
  `,
})
export class MisuseComponent {}
