/*
 * Python 3.8-3.12 tokens for idemlint. Layout (NEWLINE/INDENT/DEDENT) and string literals are
 * produced by MigrationPythonLexerBase: string bodies (f-strings with nested quotes included) are
 * scanned in Java because their end cannot be described by a regular rule once PEP 701 allows
 * the same quote inside a replacement field.
 */
lexer grammar MigrationPythonLexer;

options { superClass = MigrationPythonLexerBase; }

tokens { INDENT, DEDENT }

STRING : STRING_PREFIX? ['"] { scanString(); } ;

NUMBER : INTEGER | FLOAT_NUMBER | IMAG_NUMBER ;

// keywords
AND      : 'and' ;
AS       : 'as' ;
ASSERT   : 'assert' ;
ASYNC    : 'async' ;
AWAIT    : 'await' ;
BREAK    : 'break' ;
CLASS    : 'class' ;
CONTINUE : 'continue' ;
DEF      : 'def' ;
DEL      : 'del' ;
ELIF     : 'elif' ;
ELSE     : 'else' ;
EXCEPT   : 'except' ;
FALSE    : 'False' ;
FINALLY  : 'finally' ;
FOR      : 'for' ;
FROM     : 'from' ;
GLOBAL   : 'global' ;
IF       : 'if' ;
IMPORT   : 'import' ;
IN       : 'in' ;
IS       : 'is' ;
LAMBDA   : 'lambda' ;
NONE     : 'None' ;
NONLOCAL : 'nonlocal' ;
NOT      : 'not' ;
OR       : 'or' ;
PASS     : 'pass' ;
RAISE    : 'raise' ;
RETURN   : 'return' ;
TRUE     : 'True' ;
TRY      : 'try' ;
WHILE    : 'while' ;
WITH     : 'with' ;
YIELD    : 'yield' ;
// soft keywords: the parser accepts them wherever a name is allowed
MATCH    : 'match' ;
CASE     : 'case' ;
TYPE     : 'type' ;

NAME : ID_START ID_CONTINUE* ;

NEWLINE : '\r'? '\n' | '\r' ;

// operators and delimiters
ELLIPSIS     : '...' ;
DOT          : '.' ;
STAR         : '*' ;
OPEN_PAREN   : '(' ;
CLOSE_PAREN  : ')' ;
COMMA        : ',' ;
COLON        : ':' ;
SEMI_COLON   : ';' ;
POWER        : '**' ;
ASSIGN       : '=' ;
OPEN_BRACK   : '[' ;
CLOSE_BRACK  : ']' ;
OR_OP        : '|' ;
XOR          : '^' ;
AND_OP       : '&' ;
LEFT_SHIFT   : '<<' ;
RIGHT_SHIFT  : '>>' ;
ADD          : '+' ;
MINUS        : '-' ;
DIV          : '/' ;
MOD          : '%' ;
IDIV         : '//' ;
NOT_OP       : '~' ;
OPEN_BRACE   : '{' ;
CLOSE_BRACE  : '}' ;
LESS_THAN    : '<' ;
GREATER_THAN : '>' ;
EQUALS       : '==' ;
GT_EQ        : '>=' ;
LT_EQ        : '<=' ;
NOT_EQ       : '!=' ;
AT           : '@' ;
ARROW        : '->' ;
ADD_ASSIGN   : '+=' ;
SUB_ASSIGN   : '-=' ;
MULT_ASSIGN  : '*=' ;
AT_ASSIGN    : '@=' ;
DIV_ASSIGN   : '/=' ;
MOD_ASSIGN   : '%=' ;
AND_ASSIGN   : '&=' ;
OR_ASSIGN    : '|=' ;
XOR_ASSIGN   : '^=' ;
LEFT_SHIFT_ASSIGN  : '<<=' ;
RIGHT_SHIFT_ASSIGN : '>>=' ;
POWER_ASSIGN : '**=' ;
IDIV_ASSIGN  : '//=' ;
WALRUS       : ':=' ;

SKIP_ : ( [ \t\f]+ | '#' ~[\r\n]* | '\uFEFF' ) -> skip ;

LINE_JOIN : '\\' [ \t]* ( '\r'? '\n' | '\r' ) { lineJoined(); } -> skip ;

// anything else reaches the parser, which reports it as an unexpected character
ERROR_CHAR : . ;

fragment STRING_PREFIX : [rRuUbBfF] | [rR] [bBfF] | [bBfF] [rR] ;

fragment INTEGER
    : [1-9] ( '_'? [0-9] )*
    | '0' ( '_'? '0' )*
    | '0' [oO] ( '_'? [0-7] )+
    | '0' [xX] ( '_'? [0-9a-fA-F] )+
    | '0' [bB] ( '_'? [01] )+
    ;
fragment DIGIT_PART     : [0-9] ( '_'? [0-9] )* ;
fragment POINT_FLOAT    : DIGIT_PART? '.' DIGIT_PART | DIGIT_PART '.' ;
fragment EXPONENT_FLOAT : ( DIGIT_PART | POINT_FLOAT ) [eE] [+-]? DIGIT_PART ;
fragment FLOAT_NUMBER   : POINT_FLOAT | EXPONENT_FLOAT ;
fragment IMAG_NUMBER    : ( FLOAT_NUMBER | DIGIT_PART ) [jJ] ;

fragment ID_START    : [_\p{L}\p{Nl}] | SURROGATE_PAIR ;
fragment ID_CONTINUE : [_\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u00B7] | SURROGATE_PAIR ;
// the input stream is UTF-16 (offsets are Java char offsets), so astral letters arrive as pairs
fragment SURROGATE_PAIR : [\uD800-\uDBFF] [\uDC00-\uDFFF] ;
