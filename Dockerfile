# The sahel-graph server, for `docker compose up` beside the official Neo4j image.
# Inside a container the server always talks to an external Neo4j (NEO4J_URI), so no Java here.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY schema ./schema
COPY explorer ./explorer
# The explorer's bundle is built here, with the dev dependencies (Vite, GraphQL Code Generator).
RUN npm run build && npm run explorer:build && npm prune --omit=dev

FROM node:20-bookworm-slim
# Listening beyond loopback, the server refuses to start with analysts' Cypher open and no
# CYPHER_TOKEN: it is off unless the deployment sets a token and CYPHER_ENABLED=true.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 CYPHER_ENABLED=false
WORKDIR /app
COPY package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/explorer/dist ./explorer/dist
COPY schema ./schema
COPY seeds ./seeds
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:4000/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/main.js"]
