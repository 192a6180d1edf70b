/** parseCredits: bylines with several people and roles, print decoration, spaced names. */
import { describe, expect, it } from 'vitest'
import { parseCredits, parsePhotoCredit } from '../../editor/content/parse-credit.ts'

describe('parseCredits', () => {
  it.each([
    [
      '文/记者 李四 通讯员 王五',
      [
        ['staff', '李四'],
        ['correspondent', '王五'],
      ],
    ],
    [
      '记者 李四 张三',
      [
        ['staff', '李四'],
        ['staff', '张三'],
      ],
    ],
    ['本报记者 陈 刚', [['staff', '陈刚']]],
    [
      '记者 陈 刚 通讯员 欧阳 明',
      [
        ['staff', '陈刚'],
        ['correspondent', '欧阳明'],
      ],
    ],
    [
      '（记者 张三 通讯员 赵六）',
      [
        ['staff', '张三'],
        ['correspondent', '赵六'],
      ],
    ],
    ['文/图 摄影记者 王五 报道', [['photographer', '王五']]],
    [
      '记者李四、张三',
      [
        ['staff', '李四'],
        ['staff', '张三'],
      ],
    ],
    [
      'staff Shi Liang, correspondent Wang Wu',
      [
        ['staff', 'Shi Liang'],
        ['correspondent', 'Wang Wu'],
      ],
    ],
  ])('reads %s with each role as data', (text, expected) => {
    expect(parseCredits(text)).toEqual({ credits: expected.map(([role, name]) => ({ role, name })) })
  })

  it('says what is wrong when the text starts with no role', () => {
    expect(parseCredits('李四')).toEqual({
      problem:
        '"李四" does not start with a known role; write ROLE NAME with ROLE one of 摄影记者, 特约撰稿, 通讯员, 记者, staff, correspondent, photographer, contributor',
    })
  })

  it('gives a photo one credit and says how to fix several', () => {
    expect(parsePhotoCredit('记者 陈 刚')).toEqual({ credit: { role: 'staff', name: '陈刚' } })
    expect(parsePhotoCredit('记者 李四 通讯员 王五')).toEqual({
      problem:
        '"记者 李四 通讯员 王五" names 2 people; a photo has one credit: keep the photographer and name the others in the caption',
    })
  })
})
