# syntax=docker/dockerfile:1.7
# DEVELOPMENT ONLY: the development OIDC provider (deploy/dev-idp, oidc-provider) with the demo accounts.
# It refuses to start when NODE_ENV=production; never deploy it to a shared or public environment.
#   docker build -f deploy/images/dev-idp.Dockerfile -t co2-portal/dev-idp .
# In a container the provider must listen on all interfaces (DEV_IDP_HOST), not on 127.0.0.1.
# Configuration (see deploy/README.md): DEV_IDP_PORT, DEV_IDP_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
# DEV_IDP_REDIRECT_URIS, DEV_IDP_POST_LOGOUT_REDIRECT_URIS, CORE_API_AUDIENCE, DEV_IDP_KEYS_FILE.
ARG NODE_IMAGE=node:24-alpine

# Workspace manifests only: the dependency layers are rebuilt only when a manifest or the lockfile changes.
# `npm ci` needs the manifest of every workspace listed in the root package.json.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json ./
COPY core-api/contracts/package.json core-api/contracts/
COPY core-api/package.json core-api/
COPY bff/package.json bff/
COPY shell/sdk/package.json shell/sdk/
COPY shell/ui/package.json shell/ui/
COPY shell/package.json shell/
COPY mf-inventory/package.json mf-inventory/
COPY mf-travel/package.json mf-travel/
COPY mf-dashboard/package.json mf-dashboard/
COPY mf-backoffice/package.json mf-backoffice/
COPY deploy/package.json deploy/

FROM manifests AS deps
# The provider runs from TypeScript sources with tsx (a root devDependency), hence --include-workspace-root.
# --ignore-scripts: the embedded PostgreSQL binaries of @co2/deploy are not needed here.
RUN npm ci --workspace @co2/deploy --include-workspace-root --ignore-scripts \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=development \
    DEV_IDP_PORT=8082 \
    DEV_IDP_HOST=0.0.0.0 \
    DEV_IDP_KEYS_FILE=/data/jwks.json
WORKDIR /app
COPY --from=deps /app /app
COPY tsconfig.base.json ./
COPY deploy/package.json deploy/tsconfig.json deploy/
COPY deploy/dev-idp/ deploy/dev-idp/
# The signing keys persist in /data (mount a volume) so tokens survive restarts.
RUN mkdir -p /data && chown 1000:1000 /data
USER 1000:1000
EXPOSE 8082
CMD ["node", "--import", "tsx", "deploy/dev-idp/src/main.ts"]
