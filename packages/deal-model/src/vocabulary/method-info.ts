/** What the UI shows beside a piece of the seller's method: two sentences and where they come from. */
export interface MethodInfo {
  title: string;
  /** Two sentences: what the piece is and why it matters. */
  explanation: string;
  /** Where it comes from, in plain words (never a file name). */
  source: string;
}

/** The pieces of the seller's method (issue 14), each with its explanation and source. */
export const METHOD_INFO = {
  mobilizerTest: {
    title: 'Is this a Mobilizer?',
    explanation:
      'Lead with a thought-provoking insight: someone who does not engage is probably a Blocker, a Friend or a Guide, and someone who talks about needs from their own perspective rather than the group’s is likely a Climber. Only a task given and delivered shows the willingness and ability to mobilize, since neither title nor seniority predicts it.',
    source: 'CEB research: The Challenger Customer (identifying Mobilizers)',
  },
  coaching: {
    title: 'Commercial coaching',
    explanation:
      'Commercial coaching teaches the Mobilizer how to buy, in five stages: a plan for building consensus, the true problem and the cost of inaction, remaining concerns surfaced, negotiable points agreed with Blockers neutralized, and commitment secured. Each stage is tailored to the Mobilizer’s type: implementation details for a Go-Getter, the sweeping vision for a Teacher, questions and exploration for a Skeptic.',
    source: 'CEB research: The Challenger Customer (commercial coaching)',
  },
  negotiables: {
    title: 'Negotiable points',
    explanation:
      'Negotiable points are attributes of the purchase that can be conceded to satisfy a remaining concern without materially changing what makes the solution different. Agreeing them lets the group make its trade-offs actively instead of scoping the whole deal back down.',
    source: 'CEB research: The Challenger Customer (commercial coaching, stage 4)',
  },
  mentalModel: {
    title: 'The mental model, A → B',
    explanation:
      'A group’s current beliefs (A) dictate what it does, so changing its behaviour starts by breaking A before building an agreed new model (B) together. There are only three moves: add a belief, make a belief more important, or add a causal link (X leads to Y).',
    source: 'CEB research: The Challenger Customer (mental models and commercial insight)',
  },
  insight: {
    title: 'Commercial insight',
    explanation:
      'Commercial insight teaches customers something they missed about their own business: why the cost of what they do today is higher than the cost of changing. It breaks a belief of their current mental model and leads back to a capability only you offer.',
    source: 'CEB research: The Challenger Customer (commercial insight)',
  },
  qualification: {
    title: 'Qualification and go / no-go',
    explanation:
      'BANT checks that the opportunity has a budget, someone with the authority to buy, a real need and a timeline, and four questions add the customer’s potential beyond this lead, the fit with our strategy, the expected margin and follow-on business. After qualification, sales management decides go or no-go for the opportunity.',
    source: 'IBM sales methodology: BANT lead and opportunity qualification',
  },
  learning: {
    title: 'Learning from closed deals',
    explanation:
      'Account mapping is mostly intuition: the data on who actually decides is what nobody has. Your organization’s closed deals show who was in the buying group, how its size relates to winning beside the research curve, and who is usually involved but missing from this map.',
    source:
      'Influencer50 on account mapping; CEB research: purchase intent falls from 81 % with one decision maker to 31 % with six',
  },
} as const satisfies Record<string, MethodInfo>;

/** A piece of the method that has an explanation. */
export type MethodPiece = keyof typeof METHOD_INFO;
