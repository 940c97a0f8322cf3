import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class WithdrawArticleDto {
  @ApiProperty({ example: 'the outlet retracted the story as a hoax' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  reason!: string;
}
