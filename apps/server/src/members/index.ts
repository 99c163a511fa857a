export { listMembers, removeMember } from './members.ts';
export { type MemberRoutesOptions, memberRoutes } from './routes.ts';
