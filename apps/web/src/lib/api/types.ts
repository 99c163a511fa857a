/**
 * Shapes of the HTTP API (DESIGN.md §5b) as the web app reads them: inferred from the schemas the server
 * validates with and documents at /api/openapi.json (`@quorum/api-schema`), so they cannot drift apart.
 */
import type {
  AcceptedInvite as AcceptedInviteSchema,
  Account,
  CreateDealInput as CreateDealInputSchema,
  CreatedInvite,
  DealDetail as DealDetailSchema,
  DealRole as DealRoleSchema,
  Deal as DealSchema,
  DealStateFilter as DealStateFilterSchema,
  DealState as DealStateSchema,
  DealStatus as DealStatusSchema,
  DealVersionDetail as DealVersionDetailSchema,
  DealVersion as DealVersionSchema,
  InviteInput as InviteInputSchema,
  InvitePreview as InvitePreviewSchema,
  InviteRole as InviteRoleSchema,
  LoginInput as LoginInputSchema,
  MailPreferences as MailPreferencesSchema,
  Member as MemberSchema,
  OrgRole as OrgRoleSchema,
  SignupInput as SignupInputSchema,
  UpdateDealInput as UpdateDealInputSchema,
} from '@quorum/api-schema';

export type User = Account['user'];

export type Organization = NonNullable<Account['organization']>;

/** A user's place in their seller organization, or null for buyer accounts. */
export type OrgRole = OrgRoleSchema;

/** What the caller is on a deal. A manager who is not on the deal sees it read-only. */
export type DealRole = DealRoleSchema;

/** The role an invite grants. */
export type InviteRole = InviteRoleSchema;

/** `GET /api/me`. */
export type Me = Account;

/** Deal status (DESIGN.md §3); only the fields the shell shows are named, the rest pass through. */
export type DealStatus = DealStatusSchema;

/** A deal as `GET /api/deals` lists it. */
export type DealSummary = DealSchema;

/** A deal as creation returns it. */
export type Deal = DealSchema;

/** `GET /api/deals/:id`. */
export type DealDetail = DealDetailSchema;

export type SignupInput = SignupInputSchema;

export type LoginInput = LoginInputSchema;

export type CreateDealInput = CreateDealInputSchema;

export type InviteInput = InviteInputSchema;

/** An invite link just created. */
export type Invite = CreatedInvite;

/** `GET /api/invites/:token`: what the invite is for (the invited address masked). */
export type InvitePreview = InvitePreviewSchema;

export type AcceptedInvite = AcceptedInviteSchema;

/** A deal's life: `open`, `won`, `lost`, `no-decision` or `archived`. */
export type DealState = DealStateSchema;

/** The deal list's filter: `open`, `closed`, `archived` or `all`. */
export type DealStateFilter = DealStateFilterSchema;

/** `PATCH /api/deals/:id`. */
export type UpdateDealInput = UpdateDealInputSchema;

/** Someone on a deal. */
export type Member = MemberSchema;
/** A saved version of a deal, as listed. */
export type DealVersion = DealVersionSchema;
/** A version with the documents the caller's side may read, as plain JSON. */
export type DealVersionDetail = DealVersionDetailSchema;

/** The switches of the mail a user gets. */
export type MailPreferences = MailPreferencesSchema;
