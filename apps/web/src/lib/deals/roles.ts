import type { DealRole } from '../api/index.ts';
import type { ChipTone } from '../components/tones.ts';

/** How the caller's role on a deal is labelled, with a chip tone and a sentence for screen readers. */
export function roleLabel(role: DealRole | string): { label: string; tone: ChipTone; description: string } {
  switch (role) {
    case 'seller':
      return { label: 'Seller', tone: 'accent', description: 'You sell on this deal.' };
    case 'mobilizer':
      return {
        label: 'Buyer · Mobilizer',
        tone: 'mobilizer',
        description: 'You are the buyer’s Mobilizer on this deal.',
      };
    case 'manager':
      return {
        label: 'Manager · read-only',
        tone: 'neutral',
        description: 'You see this deal as a manager, read-only.',
      };
    default:
      return { label: role, tone: 'neutral', description: '' };
  }
}
