// The schema: imports every domain module (each registers its types and root
// fields on the builder) and builds it. Nothing else lives here.
import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder";
import { withDomainErrors } from "./errors";
import "./users/types";
import "./users/auth";
import "./users/sessions";
import "./users/admin";
import "./audit/types";
import "./royalties/types";
import "./site/types";
import "./categories/types";
import "./media/types";
import "./media/library";
import "./articles/types";
import "./articles/queries";
import "./articles/mutations";
import "./topics/types";
import "./versions/types";
import "./permissions/types";
import "./stats/types";
import "./stats/record";
import "./stats/live";
import "./subscriptions/types";

export const schema = withDomainErrors(lexicographicSortSchema(builder.toSchema()));
