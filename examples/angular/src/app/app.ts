import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { OtpSessionCreatedEvent } from 'otp-auth-elements';
import { OtpEmailAuthDirective } from 'otp-auth-elements/angular';

@Component({
  selector: 'app-root',
  // The directive types the element's inputs under strictTemplates; the schema lets the element's
  // own attributes and events through.
  imports: [OtpEmailAuthDirective],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Sign in</h1>
      @if (email(); as email) {
        <p role="status">Signed in as {{ email }}</p>
      } @else {
        <!-- Your organization id (or its slug). -->
        <otp-email-auth organizationId="acme" (otp-session-created)="signedIn($event)" />
      }
    </main>
  `,
})
export class App {
  protected readonly email = signal<string | undefined>(undefined);

  protected signedIn(event: OtpSessionCreatedEvent) {
    this.email.set(event.detail.member.email_address);
  }
}
