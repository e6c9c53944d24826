// An Angular standalone component using the elements with the typed directives; must compile under
// strictTemplates (test/built/framework-types.test.ts).
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import 'otp-auth-elements';
import type { OtpCodeSentEvent } from 'otp-auth-elements';
import { OTP_AUTH_DIRECTIVES } from 'otp-auth-elements/angular';

@Component({
  selector: 'app-login',
  imports: [OTP_AUTH_DIRECTIVES],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <otp-auth-provider [organizationId]="organizationId" [sessionDurationMinutes]="60">
      <otp-email-auth
        mfa="event"
        [codeExpirationMinutes]="10"
        (otp-code-sent)="onSent($event)"
        (otp-session-created)="email = $event.detail.member.email_address"
      ></otp-email-auth>
      <otp-sms-stepup [mode]="'step-up'"></otp-sms-stepup>
      <otp-code-field [length]="6" (otp-code-complete)="$event.preventDefault()"></otp-code-field>
    </otp-auth-provider>
  `,
})
export class LoginComponent {
  organizationId = 'organization-test-1';
  email = '';
  onSent(event: OtpCodeSentEvent) {
    const channel: 'email' | 'sms' = event.detail.channel;
    console.log(channel);
  }
}
