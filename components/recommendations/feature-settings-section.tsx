import type { FeatureSettingView } from "@/lib/recommendations/feature-settings";

/**
 * Per-feature settings the finders read: "not interactive" makes a feature a batch API candidate; the
 * owner team overrides the events' team as the recommendation's owner.
 */
export function FeatureSettingsSection({ settings, canManage, action }: { settings: FeatureSettingView[]; canManage: boolean; action: (f: FormData) => Promise<void> }) {
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">Feature settings</h2>
      <p className="text-sm text-slate-500">Mark features nobody waits on (nightly jobs, backfills) as not interactive: they become batch API candidates.</p>
      {settings.length === 0 ? (
        <p className="text-sm text-slate-500">No features with traffic yet.</p>
      ) : (
        <table className="w-full rounded-xl border border-slate-200 bg-white text-sm" data-testid="feature-settings">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="px-3 py-2 font-medium">Feature</th>
              <th className="px-3 py-2 font-medium">Interactive</th>
              <th className="px-3 py-2 font-medium">Owner team</th>
              {canManage && <th className="px-3 py-2" />}
            </tr>
          </thead>
          <tbody>
            {settings.map((s) =>
              canManage ? (
                <tr key={s.feature} className="border-t border-slate-100">
                  <td className="px-3 py-2">{s.feature}</td>
                  <td className="px-3 py-2" colSpan={3}>
                    <form action={action} className="flex flex-wrap items-center gap-3">
                      <input type="hidden" name="feature" value={s.feature} />
                      <select name="interactive" defaultValue={s.interactive ? "yes" : "no"} aria-label={`${s.feature} interactive`} className="rounded-md border border-slate-300 px-2 py-1">
                        <option value="yes">interactive</option>
                        <option value="no">not interactive</option>
                      </select>
                      <input name="owner_team" defaultValue={s.owner_team ?? ""} placeholder="from events" aria-label={`${s.feature} owner team`} className="rounded-md border border-slate-300 px-2 py-1" />
                      <button className="rounded-md border border-slate-300 px-3 py-1">Save</button>
                    </form>
                  </td>
                </tr>
              ) : (
                <tr key={s.feature} className="border-t border-slate-100">
                  <td className="px-3 py-2">{s.feature}</td>
                  <td className="px-3 py-2">{s.interactive ? "yes" : "no"}</td>
                  <td className="px-3 py-2">{s.owner_team ?? "from events"}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
