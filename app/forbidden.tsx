import { ForbiddenView } from "./forbidden/forbidden-view";

/** Rendered with status 403 for forbidden() anywhere: /forbidden and refused server actions. */
export default function Forbidden() {
  return <ForbiddenView />;
}
