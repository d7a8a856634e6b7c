import type { Metadata } from "next";
import { forbidden } from "next/navigation";

export const metadata: Metadata = { title: "Not allowed" };

/** Where a refused page request is sent; answers 403 with the view in app/forbidden.tsx. */
export default function ForbiddenPage() {
  forbidden();
}
