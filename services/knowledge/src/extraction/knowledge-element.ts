import { detectLanguage } from './language';
import { cleanCustomerText, cleanTitle } from './text-cleaning';

/** What a resolved ticket teaches: the article text before it is stored. */
export interface KnowledgeElement {
  readonly title: string;
  readonly problem: string;
  readonly resolution: string;
  readonly language: 'de' | 'en' | null;
  readonly category: string | null;
  readonly products: readonly string[];
  readonly tags: readonly string[];
  readonly sourceTicketId: string;
}

/**
 * What extraction reads about a resolved ticket. Every text here is customer-visible by
 * construction: the ticket's summary and description, the customer's messages, the resolution
 * the agent entered for the customer and the decisive customer-channel reply. Internal and
 * supplier notes never get this far.
 */
export interface ResolvedCase {
  readonly ticketId: string;
  readonly summary: string;
  readonly description: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly products: readonly string[];
  readonly language: string | null;
  /** The first customer inbound message (the problem in the customer's own words), if any. */
  readonly problemMessage: string | null;
  readonly resolution: string;
  /** The agent reply marked decisive, or the last customer-visible agent reply; null when none. */
  readonly decisiveMessage: string | null;
}

/** The deterministic, extractive knowledge element of a resolved ticket (works offline). */
export function extractElement(source: ResolvedCase): KnowledgeElement {
  const title = cleanTitle(source.summary);
  const fromMessage = source.problemMessage === null ? '' : cleanCustomerText(source.problemMessage);
  const problem = fromMessage || cleanCustomerText(source.description) || title;
  const resolution = joinDistinct(source.resolution.trim(), source.decisiveMessage === null ? '' : cleanCustomerText(source.decisiveMessage));
  const language = asLanguage(source.language) ?? detectLanguage(`${title}\n${problem}\n${resolution}`);
  return {
    title,
    problem,
    resolution,
    language,
    category: source.category,
    products: [...new Set(source.products)],
    tags: [...new Set(source.tags)],
    sourceTicketId: source.ticketId,
  };
}

function asLanguage(value: string | null): 'de' | 'en' | null {
  const base = value?.toLowerCase().slice(0, 2);
  return base === 'de' || base === 'en' ? base : null;
}

/** The resolution, followed by the decisive reply unless it only repeats it. */
function joinDistinct(resolution: string, decisive: string): string {
  if (!decisive || resolution.toLowerCase().includes(decisive.toLowerCase())) return resolution;
  if (decisive.toLowerCase().includes(resolution.toLowerCase())) return decisive;
  return `${resolution}\n\n${decisive}`;
}
