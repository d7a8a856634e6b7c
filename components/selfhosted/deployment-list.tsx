import type { Deployment } from "@/lib/selfhosted/deployment-types";

/** The configured deployments: what they match and cost; a delete button for selfhosted.manage. */
export function DeploymentList({ deployments, onDelete }: { deployments: Deployment[]; onDelete?: (form: FormData) => Promise<void> }) {
  if (deployments.length === 0) return null;
  return (
    <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm" data-testid="deployment-list">
      {deployments.map((d) => (
        <li key={d.id} className="flex items-center justify-between gap-4 px-3 py-2" data-deployment-config={d.name}>
          <div>
            <span className="font-medium">{d.name}</span> <span className="text-slate-500">· {d.model}</span>
            <div className="text-xs text-slate-500">
              ${d.gpuPricePerHourUsd}/GPU-hour ({d.pricingKind.replace("_", "-")}) · GPUs where {Object.entries(d.match).map(([k, v]) => `${k}=${v}`).join(", ")} · {d.endpoints.length} endpoint{d.endpoints.length === 1 ? "" : "s"}
            </div>
          </div>
          {onDelete && (
            <form action={onDelete}>
              <input type="hidden" name="id" value={d.id} />
              <button className="rounded-md border border-red-200 px-2 py-1 text-xs text-red-700">Delete</button>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
