import { headers } from 'next/headers';
import { OTP_LOCALES } from 'otp-auth-elements';
import { SignIn } from './sign-in';

/** The visitor's first language the elements have a catalog for (exact tag, then language). */
function pickLocale(acceptLanguage: string): string {
  for (const range of acceptLanguage.split(',')) {
    const tag = range.split(';')[0].trim().toLowerCase();
    const exact = OTP_LOCALES.find((locale) => locale.toLowerCase() === tag);
    const language = OTP_LOCALES.find((locale) => locale.split('-')[0] === tag.split('-')[0]);
    if (exact ?? language) return exact ?? language!;
  }
  return 'en';
}

// A server component: rendered per request, in the visitor's language; the form hydrates in the
// browser. Importing the package here and in the client component loads it twice in one process.
export default async function Home() {
  const locale = pickLocale((await headers()).get('accept-language') ?? '');
  return (
    <main>
      <h1>Sign in</h1>
      <SignIn organizationId="acme" locale={locale} />
    </main>
  );
}
