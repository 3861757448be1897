# syntax=docker/dockerfile:1.7
# Web image: the shell and the four remotes, built with vite and served by unprivileged nginx on :8080.
#   docker build -f deploy/images/web.Dockerfile -t co2-portal/web .
# Layout (see deploy/images/nginx.conf):
#   /                      shell (SPA fallback to index.html)
#   /remotes/<name>/       remote bundles, <name> = inventory | travel | dashboard | backoffice (no fallback)
# The runtime registry /portal/remotes.json is served by the BFF, not by this image.
ARG NODE_IMAGE=node:24-alpine
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.28-alpine

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
RUN npm ci --ignore-scripts \
      --workspace @co2/shell --workspace @co2/mf-inventory --workspace @co2/mf-travel \
      --workspace @co2/mf-dashboard --workspace @co2/mf-backoffice
COPY tsconfig.base.json ./
COPY core-api/contracts/ core-api/contracts/
COPY shell/ shell/
COPY mf-inventory/ mf-inventory/
COPY mf-travel/ mf-travel/
COPY mf-dashboard/ mf-dashboard/
COPY mf-backoffice/ mf-backoffice/
RUN npm run build \
      --workspace @co2/shell --workspace @co2/mf-inventory --workspace @co2/mf-travel \
      --workspace @co2/mf-dashboard --workspace @co2/mf-backoffice \
 && test -f shell/dist/index.html \
 && for r in inventory travel dashboard backoffice; do test -f mf-$r/dist/remoteEntry.js || exit 1; done

FROM ${NGINX_IMAGE} AS runtime
COPY deploy/images/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/shell/dist /usr/share/nginx/portal
COPY --from=build /app/mf-inventory/dist /usr/share/nginx/portal/remotes/inventory
COPY --from=build /app/mf-travel/dist /usr/share/nginx/portal/remotes/travel
COPY --from=build /app/mf-dashboard/dist /usr/share/nginx/portal/remotes/dashboard
COPY --from=build /app/mf-backoffice/dist /usr/share/nginx/portal/remotes/backoffice
# uid 101 = the `nginx` user of the unprivileged image; files above stay root-owned (read-only for nginx).
USER 101
EXPOSE 8080
CMD ["nginx", "-g", "daemon off;"]
