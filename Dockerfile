# The dashboard's image: `npm ci` and `npm run build` in a build stage, then the built tree on a slim
# Node 20. It starts as `npm start` does (scripts/start.ts): the production server, supervised, and
# the bundled VOD emulator only when TENCENTCLOUD_SECRET_ID/KEY are not set. The build is stamped
# with its sources (scripts/build-stamp.ts), so the start does not build again.
# See deploy/docker-compose.yml for three replicas on one Postgres behind a load balancer.

FROM node:20-bookworm AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `npm start` runs `tsx scripts/start.ts`; Node with tsx's loader is the same without npm in between,
# so SIGTERM from `docker stop` reaches the supervisor, which stops the server gracefully.
CMD ["node", "--import", "tsx", "scripts/start.ts"]
