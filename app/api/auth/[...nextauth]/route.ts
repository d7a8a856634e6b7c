import { handleAuth } from "@/lib/auth/auth-route";

export { handleAuth as GET, handleAuth as POST };
