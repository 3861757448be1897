# syntax=docker/dockerfile:1.7
# BFF image. Build from the repository root:
#   docker build -f deploy/images/bff.Dockerfile -t co2-portal/bff .
# Runs the esbuild bundle `bff/dist/main.js`; drizzle migrations (schema `bff`) ship in `bff/dist/drizzle/` and are
# applied at start. Configuration: see deploy/README.md.
#
# WEB_DIST='{}': in production the shell and the remotes are served by the web image (nginx) behind the same
# ingress, so the BFF serves no static folder. Override it only to let the BFF serve a built web itself.
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

FROM manifests AS build
# --ignore-scripts: no install script is needed to build (esbuild's binary comes from its platform package).
RUN npm ci --workspace @co2/bff --ignore-scripts
COPY tsconfig.base.json ./
COPY core-api/contracts/ core-api/contracts/
# The artifact format (checksums) of published remotes, bundled into the BFF.
COPY shell/sdk/ shell/sdk/
COPY bff/ bff/
RUN npm run build --workspace @co2/bff \
 && test -f bff/dist/main.js \
 && test -d bff/dist/drizzle \
 && test -f bff/dist/portal-versions.json

# Production dependencies only (packages the bundle leaves external), pinned by the lockfile; see
# prod-manifests.mjs for why this is not `npm ci --omit=dev --workspace`.
FROM manifests AS prod-deps
COPY deploy/images/prod-manifests.mjs /tmp/prod-manifests.mjs
RUN node /tmp/prod-manifests.mjs @co2/bff \
 && npm install --omit=dev --ignore-scripts \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    WEB_DIST={}
WORKDIR /app
COPY --from=prod-deps /app /app
COPY --from=build /app/bff/dist /app/bff/dist
WORKDIR /app/bff
# uid/gid 1000 = the `node` user of the base image (numeric so Kubernetes can verify runAsNonRoot).
USER 1000:1000
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
