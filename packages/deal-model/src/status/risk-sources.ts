/**
 * Where each health rule comes from, in words a user understands (never a file name); every risk carries
 * one of these as its `source`. The research is CEB's, as summarised in the project's seed material; where
 * a rule is Quorum's own calibration, docs/health-model.md says so.
 */
export const RISK_SOURCES = {
  intentCurve:
    'CEB research: purchase intent falls from 81 % with one decision maker to 55 % with two and 31 % with six',
  groupSize:
    'CEB research: on average 5.4 people are formally involved in a B2B purchase decision, and a Blocker may be unknown to the supplier',
  mobilizer:
    'CEB research on customer stakeholders: star sellers build consensus through Mobilizers (Go-Getter, Teacher, Skeptic); average sellers talk to Talkers (Guide, Friend, Climber)',
  blocker: 'CEB research: a Blocker in the group cuts the chance of a quality sale by 47 %',
  blockerPlan:
    'Managing a Blocker: can others persuade them (apply social pressure), are they reasonable (approach them), do they have a special concern (a targeted concession)? Address them, don’t delay',
  dysfunction:
    'CEB research: a buying group that cannot agree is 50 % less likely to pay for a premium offer; conflict in the group peaks 37 % of the way through the purchase',
  disconnects:
    'CEB research on collective learning: a group converges by honestly surfacing its disconnects and competing ideas',
  groupNotHeard:
    'CEB research behind Quorum’s method: 5.4 stakeholders, each with their own perspective; collective learning starts from each person’s own view ("each person says yes, but the group says no")',
  objections:
    'Commercial coaching, stage 3: surface and address every stakeholder’s remaining concerns (the objection handling guide)',
  stage:
    'Purchase enablement: where the customer stands is what they have done and committed to (customer verifiers), not the seller’s estimate',
  commitment:
    'The stakeholder commitment process map (disconnect conveyed, urgency, workshop support, committed); commercial coaching, stage 5: securing commitment',
  overdueVerifiers:
    'Purchase enablement: a mutual plan gives each customer verifier an owner and a date; a missed date is a commitment the group let slip, and an early sign that the purchase is stalling',
  statusQuo:
    'CEB research: the status quo is a supplier’s biggest competitor; a group that cannot agree settles on doing nothing',
} as const;
