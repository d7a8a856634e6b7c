import { handleCreateMonitor, handleListMonitors } from "@/lib/monitors/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleListMonitors(req);
export const POST = (req: Request) => handleCreateMonitor(req);
