// The elements' props and events for vue-tsc.
import type {} from 'otp-auth-elements/vue';
