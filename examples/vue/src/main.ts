import { createApp } from 'vue';
import 'otp-auth-elements';
// Types <otp-…> in templates for vue-tsc: props, and `@otp-…` events with the event classes.
import type {} from 'otp-auth-elements/vue';
import App from './App.vue';

createApp(App).mount('#app');
