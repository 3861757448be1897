// What each image must look like and which variables each process needs: shared by the Dockerfile, compose and
// Kubernetes checks of deploy/images.test.ts and deploy/orchestration.test.ts.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are untyped YAML documents
export type Doc = Record<string, any>;

export interface ImageSpec {
  file: string;
  port: number;
  /** Workspaces whose `npm run build` the image must run. */
  builds: string[];
  /** Environment the final stage must set (e.g. bind all interfaces inside a container). */
  env: Record<string, string>;
}

export const images: ImageSpec[] = [
  {
    file: 'core-api.Dockerfile',
    port: 8081,
    builds: ['@co2/core-api'],
    env: { NODE_ENV: 'production', CORE_API_HOST: '0.0.0.0', CORE_API_PORT: '8081' },
  },
  {
    file: 'bff.Dockerfile',
    port: 8080,
    builds: ['@co2/bff'],
    env: { NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '8080', WEB_DIST: '{}' },
  },
  {
    file: 'web.Dockerfile',
    port: 8080,
    builds: ['@co2/shell', '@co2/mf-inventory', '@co2/mf-travel', '@co2/mf-dashboard', '@co2/mf-backoffice'],
    env: {},
  },
  {
    file: 'dev-idp.Dockerfile',
    port: 8082,
    builds: [],
    env: { NODE_ENV: 'development', DEV_IDP_HOST: '0.0.0.0', DEV_IDP_PORT: '8082', DEV_IDP_KEYS_FILE: '/data/jwks.json' },
  },
];

/** Variables (docs/architecture.md + the BFF behind a proxy) each deployment must give the processes. */
export const coreApiEnv = ['DATABASE_URL', 'OIDC_ISSUER', 'CORE_API_AUDIENCE'];
export const bffEnv = [
  'DATABASE_URL',
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'CORE_API_AUDIENCE',
  'CORE_API_URL',
  'PUBLIC_ORIGIN',
  'SESSION_SECRET',
  'WEB_DIST',
  'TRUST_PROXY',
];
