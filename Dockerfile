# syntax=docker/dockerfile:1

# --- build: compile TypeScript; better-sqlite3 builds its native addon when no prebuilt binary fits ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# Manifests first, so the dependency layer is reused until they change.
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json vite.config.ts ./
COPY src ./src
COPY ui ./ui
RUN npm run build --loglevel=warn \
 && npm prune --omit=dev --loglevel=warn

# --- runtime: only the compiled app, production dependencies and the seed articles ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node seeds ./seeds
# DATA_DIR defaults to ./data (the SQLite file when no EventStoreDB is configured): make it writable.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# The service's V8 flags (src/app/node-flags.ts, the same as npm start): small young generations and
# a heap kept near what is live (README, "Memory after a load").
CMD ["node", "--max-semi-space-size=4", "--heap-growing-percent=50", "dist/main.js"]
