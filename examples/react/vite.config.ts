import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the elements' calls to /api go to a gateway running elsewhere; by default the
// repository's demo server (`npm start` at the root: gateway + emulator on port 8787).
const gateway = process.env.OTP_GATEWAY_URL ?? 'http://localhost:8787';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': gateway, '/__dev': gateway } },
});
