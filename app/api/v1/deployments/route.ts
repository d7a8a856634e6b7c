import { handleCreateDeployment, handleListDeployments } from "@/lib/selfhosted/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleListDeployments(req);
export const POST = (req: Request) => handleCreateDeployment(req);
