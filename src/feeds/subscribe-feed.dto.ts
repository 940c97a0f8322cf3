import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUrl, Max, MaxLength, Min } from 'class-validator';

export class SubscribeFeedDto {
  @ApiProperty({ description: 'An RSS 2.0, Atom or RDF feed (private addresses refused unless FETCH_ALLOW_HOSTS)' })
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }) @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({ description: 'Minutes between polls (doubled per failure in a row, at most a day)', default: 60, minimum: 1, maximum: 10080 })
  @IsOptional() @IsInt() @Min(1) @Max(10_080)
  intervalMinutes?: number;
}
