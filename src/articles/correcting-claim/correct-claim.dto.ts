import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsNotEmptyObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ClaimFieldsDto } from '../claim.dto.js';

// skipNullProperties: false — a field may be left out, but null is validated (and refused), never stored.
export class ClaimChangesDto extends PartialType(ClaimFieldsDto, { skipNullProperties: false }) {}

export class CorrectClaimDto {
  @ApiProperty({ type: ClaimChangesDto, description: 'Only the fields that change; each replaces the old value whole' })
  @IsNotEmptyObject() @ValidateNested() @Type(() => ClaimChangesDto)
  changes!: ClaimChangesDto;

  @ApiProperty({ example: 'the target is the Taliban, not Afghanistan' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  reason!: string;
}
