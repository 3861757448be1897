import { defineProject } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { quasar, transformAssetUrls } from '@quasar/vite-plugin';

export default defineProject({
  plugins: [vue({ template: { transformAssetUrls } }), quasar({ sassVariables: false })],
  test: { name: 'ui', environment: 'happy-dom', setupFiles: ['./test/setup.ts'], include: ['test/**/*.test.ts'] },
});
