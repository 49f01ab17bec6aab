import { GraphQLError } from 'graphql';
import { AppError } from '../errors';

/** A limit error the error catalog shows as QUERY_TOO_COMPLEX, naming the limit and its maximum. */
export function limitError(limit: string, maximum: number, message: string): GraphQLError {
  return new GraphQLError(message, {
    originalError: new AppError('QUERY_TOO_COMPLEX', message, [], { limit, maximum }),
  });
}
