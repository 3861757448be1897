import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { quasar, transformAssetUrls } from '@quasar/vite-plugin';
import { federation } from '@module-federation/vite';
import { remoteFederationOptions } from '@co2/shell-sdk/federation';
import { compressedAssets } from '@co2/shell-sdk/compression';
import { remoteArtifact } from '@co2/shell-sdk/artifact';

// Built alone into dist/ (remoteEntry.js); served by the BFF under /remotes/dashboard/, hence the relative base.
export default defineConfig({
  base: './',
  plugins: [vue({ template: { transformAssetUrls } }), quasar({ sassVariables: false }), federation(remoteFederationOptions('mf_dashboard')), compressedAssets(), remoteArtifact('mf_dashboard')],
  resolve: { preserveSymlinks: true },
  build: { target: 'esnext', rollupOptions: { input: 'src/lifecycle.ts' } },
});
