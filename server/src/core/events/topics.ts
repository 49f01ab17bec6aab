import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { StoredEvent } from './event-store';

/**
 * Whether a committed event reaches a subscriber: the owning resource's access policy, applied to
 * each event as it passes. `db` opens a fresh EntityManager for rules that must look something up.
 */
export type EventReceiveRule = (
  viewer: Viewer,
  event: StoredEvent,
  db: () => EntityManager,
) => boolean | Promise<boolean>;

/** A live-event topic a module owns (one GraphQL subscription field) and who receives its events. */
export interface TopicDefinition {
  topic: string;
  receives: EventReceiveRule;
  /**
   * Resolving an event is attributable to each reader (it reads personal data whose every read is
   * logged): results are then computed per token subject instead of shared by everyone in a scope.
   */
  perReader?: boolean;
}

/** The topics of the assembled platform; events of an unknown topic reach nobody. */
export class TopicRegistry {
  private readonly rules = new Map<string, EventReceiveRule>();
  private readonly perReader = new Set<string>();

  constructor(definitions: readonly TopicDefinition[]) {
    for (const { topic, receives, perReader } of definitions) {
      if (this.rules.has(topic)) throw new Error(`topic ${topic} is declared twice`);
      this.rules.set(topic, receives);
      if (perReader) this.perReader.add(topic);
    }
  }

  /** Whether results of this topic's events must be resolved for each reader on its own. */
  isPerReader(topic: string): boolean {
    return this.perReader.has(topic);
  }

  has(topic: string): boolean {
    return this.rules.has(topic);
  }

  async receives(viewer: Viewer, event: StoredEvent, db: () => EntityManager): Promise<boolean> {
    const rule = this.rules.get(event.topic);
    return rule ? rule(viewer, event, db) : false;
  }
}
