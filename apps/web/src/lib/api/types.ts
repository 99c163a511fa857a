/** Shapes of the HTTP API (DESIGN.md §5b) as the web app reads them. Extra fields are tolerated. */

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface Organization {
  id: string;
  name: string;
}

/** A user's place in their seller organization, or null for buyer accounts. */
export type OrgRole = 'member' | 'manager' | null;

/** What the caller is on a deal. A manager who is not on the deal sees it read-only. */
export type DealRole = 'seller' | 'mobilizer' | 'manager';

/** The role an invite grants. */
export type InviteRole = 'mobilizer' | 'seller';

export interface Me {
  user: User;
  organization: Organization | null;
  orgRole: OrgRole;
}

/** Deal status (DESIGN.md §3); only the fields the shell shows are typed, the rest pass through. */
export interface DealStatus {
  stage?: string;
  health?: number;
  stakeholders?: number;
  online?: number;
  updatedAt?: string;
  [key: string]: unknown;
}

export interface DealSummary {
  id: string;
  title: string;
  buyer: string;
  role: DealRole;
  status?: DealStatus | null;
}

export interface Deal {
  id: string;
  title: string;
  buyer: string;
  [key: string]: unknown;
}

export interface DealDetail {
  deal: Deal;
  role: DealRole;
  status: DealStatus | null;
}

export interface SignupInput {
  email: string;
  password: string;
  name: string;
  /** Given: a new seller organization is created and the user becomes its manager. */
  organization?: string;
}

export interface LoginInput {
  email: string;
  password: string;
}

export interface CreateDealInput {
  title: string;
  buyer: string;
}

export interface InviteInput {
  email: string;
  role: InviteRole;
}

export interface Invite {
  url: string;
  expiresAt: string;
}

export interface InvitePreview {
  dealTitle: string;
  inviterName: string;
  role: InviteRole;
  expired: boolean;
  [key: string]: unknown;
}

export interface AcceptedInvite {
  dealId: string;
}
