import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { quasar, transformAssetUrls } from '@quasar/vite-plugin';
import { federation } from '@module-federation/vite';
import { SHARED_SINGLETONS, SHARE_STRATEGY } from '@co2/shell-sdk/federation';
import { compressedAssets } from '@co2/shell-sdk/compression';

// The shell declares NO remotes: they come from /portal/remotes.json at runtime (registerRemotes), so this
// build contains no remote URL. It provides the shared singletons the remotes consume.
export default defineConfig({
  plugins: [
    vue({ template: { transformAssetUrls } }),
    quasar({ sassVariables: false }),
    federation({ name: 'co2_shell', remotes: {}, shared: SHARED_SINGLETONS, shareStrategy: SHARE_STRATEGY, dts: false, manifest: false }),
    compressedAssets(),
  ],
  build: { target: 'esnext' },
});
