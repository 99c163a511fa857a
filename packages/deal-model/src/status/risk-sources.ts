/** Where each health rule comes from; every risk carries one of these as its `source`. */
export const RISK_SOURCES = {
  intentCurve:
    'seed 003: CEB, purchase intent by buying-team size (81 % with one person, 55 % with two, 31 % with six)',
  groupSize: 'seed 003: CEB, 5.4 people formally involved in a typical purchase decision',
  mobilizer:
    'seed 003: CEB stakeholder profiles; star sellers build consensus through Mobilizers (Go-Getter, Teacher, Skeptic), average sellers talk to Talkers (Guide, Friend, Climber)',
  blocker: 'seed 003: CEB, one or more Blockers cut the chance of a high-quality sale by 47 %',
  blockerPlan:
    'seed 003: managing the Blocker, three questions (persuadable by others? reasonable? special concern?); "addressed, not delayed"',
  dysfunction:
    'seed 003: CEB, a dysfunctional buying group is 50 % less likely to pay a premium; group conflict peaks at 37 % of the purchase process',
  disconnects: 'seed 003: collective learning, honestly surfacing disconnects across the 5.4',
  objections:
    'seed 003: commercial coaching stage 3, surfacing and addressing stakeholder concerns (objection handling guide)',
  stage: 'seed 003: purchase enablement, customer verifiers (the customer-verified stage, not the seller estimate)',
  commitment: 'seed 003: stakeholder commitment process map; commercial coaching stage 5, securing commitment',
  statusQuo:
    "seed 003: the customer's status quo is the biggest competitor; a dysfunctional group agrees on doing nothing",
} as const;
