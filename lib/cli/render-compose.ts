/** Writes docker-compose.yml from lib/deploy (the cluster deployment; see README, "Running a cluster"). */
import fs from "node:fs";
import { COMPOSE_FILE, renderComposeFile } from "@/lib/deploy/compose";

fs.writeFileSync(COMPOSE_FILE, renderComposeFile());
console.log(`wrote ${COMPOSE_FILE}`);
