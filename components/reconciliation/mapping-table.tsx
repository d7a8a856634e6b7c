import type { MappingJson } from "@/lib/provider-billing/mappings";

type Action = (form: FormData) => Promise<void>;

const input = "rounded-md border border-slate-300 px-2 py-1 text-sm";

/**
 * Provider project / workspace / api key -> product project and team. Editable for
 * reconciliation.manage (the actions check it again on the server); read-only for everyone else.
 */
export function MappingTable({ mappings, editable, save, remove, error }: { mappings: MappingJson[]; editable: boolean; save: Action; remove: Action; error: string | null }) {
  return (
    <section className="space-y-3" data-testid="mappings">
      <div>
        <h2 className="text-lg font-semibold">Provider mapping</h2>
        <p className="text-sm text-slate-500">
          Billed usage of a provider project (OpenAI project, Anthropic workspace) or API key is counted under the product project and team given here. An API key&apos;s mapping wins over its project&apos;s.
        </p>
      </div>
      {error && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
      <table className="w-full rounded-xl border border-slate-200 bg-white text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th className="px-3 py-2 font-medium">Provider</th>
            <th className="px-3 py-2 font-medium">Kind</th>
            <th className="px-3 py-2 font-medium">Provider id</th>
            <th className="px-3 py-2 font-medium">Project</th>
            <th className="px-3 py-2 font-medium">Team</th>
            {editable && <th className="px-3 py-2" />}
          </tr>
        </thead>
        <tbody>
          {mappings.length === 0 && (
            <tr>
              <td colSpan={6} className="px-3 py-2 text-slate-500">
                No mappings: billed usage is grouped under an empty project and team.
              </td>
            </tr>
          )}
          {mappings.map((m) => (
            <tr key={m.id} className="border-t border-slate-100" data-mapping={m.external_id}>
              <td className="px-3 py-2">{m.provider}</td>
              <td className="px-3 py-2">{m.kind === "api_key" ? "API key" : "project / workspace"}</td>
              <td className="px-3 py-2 font-mono text-xs">{m.external_id}</td>
              <td className="px-3 py-2">{m.project}</td>
              <td className="px-3 py-2">{m.team}</td>
              {editable && (
                <td className="px-3 py-2 text-right">
                  <form action={remove}>
                    <input type="hidden" name="id" value={m.id} />
                    <button className="text-xs text-red-700 hover:underline">Remove</button>
                  </form>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {editable && (
        <form action={save} className="flex flex-wrap items-end gap-2 rounded-xl border border-slate-200 bg-white p-3 text-sm" data-testid="mapping-form">
          <label className="flex flex-col gap-1">
            Provider
            <select name="provider" className={input}>
              <option value="openai">openai</option>
              <option value="anthropic">anthropic</option>
            </select>
          </label>
          <label className="flex flex-col gap-1">
            Kind
            <select name="kind" className={input}>
              <option value="project">project / workspace</option>
              <option value="api_key">API key</option>
            </select>
          </label>
          <label className="flex flex-col gap-1">
            Provider id
            <input name="external_id" placeholder="proj_abc / wrkspc_01..." className={input} required />
          </label>
          <label className="flex flex-col gap-1">
            Project
            <input name="project" className={input} />
          </label>
          <label className="flex flex-col gap-1">
            Team
            <input name="team" className={input} />
          </label>
          <button className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">Save mapping</button>
        </form>
      )}
    </section>
  );
}
