import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RetractClaimDto {
  @ApiProperty({ example: 'the sentence reports an acceptance, not an invitation' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  reason!: string;
}
