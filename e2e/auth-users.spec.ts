import { expect, test, type Page } from "@playwright/test";
import { RUN, signIn, signInAs } from "./helpers";

/** Settings → Users: roles, status, invitations and reset links (issue 7, defect 3). */
const invitee = `e2e-invitee-${RUN}@example.com`;

function row(page: Page, email: string) {
  return page.locator(`tr[data-email="${email}"]`);
}

test.describe.serial("users page", () => {
  let inviteLink = "";

  test("an admin sees everyone with role, status and last sign-in, and the demo's pending invitation", async ({ page }) => {
    await signIn(page, "admin");
    await page.getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/settings\/users$/);
    const table = page.getByTestId("users");
    for (const role of ["admin", "finance", "engineer", "oncall", "viewer"]) await expect(table).toContainText(`${role}@demo.local`);
    await expect(row(page, "admin@demo.local")).toContainText("active");
    await expect(row(page, "admin@demo.local")).not.toContainText("never");
    await expect(page.getByTestId("pending-links")).toContainText("new.analyst@demo.local");
  });

  test("an invitation link is shown once and lets the invitee create their account, once", async ({ page, browser }) => {
    await signIn(page, "admin");
    await page.goto("/settings/users");
    await page.getByLabel("Email").fill(invitee);
    await page.getByLabel("Role of the invitee").selectOption("engineer");
    await page.getByRole("button", { name: "Create invitation link" }).click();
    inviteLink = (await page.getByTestId("one-time-link").textContent())!.trim();
    expect(inviteLink).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await page.reload();
    await expect(page.getByTestId("one-time-link")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(inviteLink.split("/invite/")[1]);
    await expect(page.getByTestId("pending-links")).toContainText(invitee);

    const guest = await browser.newContext();
    const gp = await guest.newPage();
    await gp.goto(inviteLink);
    await expect(gp.getByRole("heading")).toContainText("Join");
    await gp.getByLabel("Name").fill("Ines Invitee");
    await gp.getByLabel("Password", { exact: true }).fill("invitee password");
    await gp.getByLabel("Repeat password").fill("invitee password");
    await gp.getByRole("button", { name: "Create my account" }).click();
    await expect(gp.getByRole("status")).toContainText("is ready");
    await signInAs(gp, invitee, "invitee password");
    await expect(gp.getByRole("link", { name: "API keys" })).toBeVisible(); // the engineer role
    await gp.goto(inviteLink);
    await expect(gp.getByTestId("invalid-link")).toBeVisible();
    await guest.close();
  });

  test("role and status changes reach the user's open session; a reset link ends it", async ({ page, browser }) => {
    const guest = await browser.newContext();
    const gp = await guest.newPage();
    await signInAs(gp, invitee, "invitee password");

    await signIn(page, "admin");
    await page.goto("/settings/users");
    await row(page, invitee).getByRole("combobox").selectOption("viewer");
    await row(page, invitee).getByRole("button", { name: "Save role" }).click();
    await expect(row(page, invitee)).toContainText("is now viewer");
    await gp.goto("/settings/api-keys");
    await expect(gp).toHaveURL(/\/forbidden/);

    page.once("dialog", (d) => d.accept());
    await row(page, invitee).getByRole("button", { name: "Disable" }).click();
    await expect(row(page, invitee)).toContainText("disabled");
    await gp.goto("/");
    await expect(gp).toHaveURL(/\/signin/);

    await row(page, invitee).getByRole("button", { name: "Enable" }).click();
    await expect(row(page, invitee)).toContainText("can sign in again");
    await signInAs(gp, invitee, "invitee password");
    await row(page, invitee).getByRole("button", { name: "Reset password" }).click();
    const resetLink = (await row(page, invitee).getByTestId("one-time-link").textContent())!.trim();
    const other = await browser.newContext();
    const op = await other.newPage();
    await op.goto(resetLink);
    await op.getByLabel("Password", { exact: true }).fill("a reset password");
    await op.getByLabel("Repeat password").fill("a reset password");
    await op.getByRole("button", { name: "Save the new password" }).click();
    await expect(op.getByRole("status")).toContainText("every earlier session has ended");
    await gp.goto("/");
    await expect(gp).toHaveURL(/\/signin/);
    await signInAs(op, invitee, "a reset password");
    await other.close();
    await guest.close();
  });

  test("the only admin cannot demote or disable themselves", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/settings/users");
    const me = row(page, "admin@demo.local");
    await me.getByRole("combobox").selectOption("viewer");
    await me.getByRole("button", { name: "Save role" }).click();
    await expect(me.getByRole("alert")).toContainText("last active admin");
    page.once("dialog", (d) => d.accept());
    await me.getByRole("button", { name: "Disable" }).click();
    // The role refusal above stays on screen; the second alert is the disable refusal.
    await expect(me.getByRole("alert")).toHaveCount(2);
    await expect(me.getByRole("alert").last()).toContainText("last active admin");
    await page.reload();
    await expect(row(page, "admin@demo.local")).toContainText("active");
    await expect(page.getByRole("link", { name: "Users" })).toBeVisible();
  });

  test("other roles are refused the page", async ({ page }) => {
    await signIn(page, "finance");
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    await page.goto("/settings/users");
    await expect(page).toHaveURL(/\/forbidden\?need=users\.manage/);
  });
});
